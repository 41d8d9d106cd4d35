using System.Text.Json;
using Pipeline.Activities.Catalogue;
using Pipeline.Activities.Procurement.Contracts;
using Pipeline.Activities.Profiles;

namespace Pipeline.Activities.Tests.Procurement;

/// <summary>Shared data of the procurement tests: weights an administrator sets (the seeds give none), invokers.</summary>
public static class ProcurementTestData
{
    public static readonly DateTimeOffset SetAt = DateTimeOffset.Parse("2026-11-01T09:00:00+08:00");

    /// <summary>Test weights over the seven criteria of R-QJ-3 (an administrator's setting; the seed gives none).</summary>
    public static readonly Dictionary<string, decimal> QujingWeights = new()
    {
        ["teachers"] = 20, ["facilities"] = 15, ["trackRecord"] = 15, ["employmentRate"] = 20,
        ["trainingTime"] = 10, ["passRate"] = 10, ["financialCompliance"] = 10,
    };

    /// <summary>Profiles with the tender weights (and the QJ publicity period) set for yunnan, qujing and wenshui.</summary>
    public static ProfileCatalog Configured(decimal publicityDays = 7)
    {
        var weights = JsonSerializer.SerializeToElement(QujingWeights);
        var settings = ProfileSettings.Empty()
            .With("yunnan", ParameterKeys.TenderWeights, weights, "admin", SetAt)
            .With("qujing", ParameterKeys.TenderWeights, weights, "admin", SetAt)
            .With("qujing", ParameterKeys.TenderPublicityDays, JsonSerializer.SerializeToElement(publicityDays), "admin", SetAt)
            .With("wenshui", ParameterKeys.TenderWeights, weights, "admin", SetAt);
        return ProfileCatalog.LoadEmbedded(settings);
    }

    public static ActivityInvoker Invoker(ProfileCatalog profiles, IContractRegistry? registry = null) =>
        new(type => Activator.CreateInstance(type, type.GetConstructors().Single().GetParameters()
            .Select(p => p.ParameterType == typeof(ProfileCatalog) ? (object)profiles : registry!).ToArray())!);
}
