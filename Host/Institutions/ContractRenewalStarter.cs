using Pipeline.Host.Data.Institutions;
using Pipeline.Host.Messages;

namespace Pipeline.Host.Institutions;

/// <summary>
/// Starts the yearly renewal of a contract renewed every year (WS "合同一年一订", R-WS-1): the process
/// <c>contract-renewal</c> (message <c>contract-renewal</c>, business key <c>CONTRACT-{id}</c>) waits for each
/// contract year, opens a renewal task for the bureau and records the renewal. Contracts not renewed yearly start nothing.
/// </summary>
public sealed class ContractRenewalStarter(MessageStarter starter, ILogger<ContractRenewalStarter> logger)
{
    public const string Message = "contract-renewal";

    /// <summary>The renewal case's business key of contract <paramref name="contractId"/>.</summary>
    public static string KeyOf(string contractId) => $"CONTRACT-{contractId}";

    public async Task StartAsync(ContractRow contract, string userId, CancellationToken cancellationToken)
    {
        if (!contract.RenewedYearly) return;
        var published = await starter.PublishAsync(Message, KeyOf(contract.Id), new Dictionary<string, object?> { ["contract"] = contract.Id },
            contract.Jurisdiction, userId, cancellationToken);
        if (published.Refused)
            logger.LogWarning("contract {Number} ({Id}) is renewed yearly but no deployed process starts on {Message}", contract.Number, contract.Id, Message);
    }
}
