namespace Pipeline.Host.Institutions;

/// <summary>
/// Which rule makes a contract (or city registration) a condition of subsidised training in a jurisdiction, as the
/// seeds say; the jurisdiction's chain is searched innermost first (a prefecture, then its province). Rule ids only,
/// no regulation numbers. Jiaozuo's notice (焦人社文〔2021〕15号) names no contract, so none is required there.
/// </summary>
public static class RegistryRules
{
    /// <summary>
    /// Contract rule per jurisdiction: 曲靖 R-QJ-4 (公示无异议后签订职业培训合同, QJ §二(四)); 文水 R-WS-1 (服务期限为三年，合同一年一订,
    /// WS §二(一)); 桂林 R-GL-1 (项目制培训按照签订的项目制培训协议（合同）开展培训, GL 第一条); 云南 R-YN-2 (公开招标选定, YN §四).
    /// </summary>
    private static readonly Dictionary<string, string> Contract = new(StringComparer.Ordinal)
    {
        ["qujing"] = "R-QJ-4",
        ["wenshui"] = "R-WS-1",
        ["guilin"] = "R-GL-1",
        ["yunnan"] = "R-YN-2",
    };

    /// <summary>Jurisdictions where only institutions registered at city level take subsidised work (R-QJ-1, QJ §一(一)).</summary>
    private static readonly HashSet<string> CityRegistration = new(StringComparer.Ordinal) { "qujing" };

    /// <summary>The rule requiring a current contract in a jurisdiction of <paramref name="chain"/> (innermost first), or null.</summary>
    public static string? ContractRule(IEnumerable<string> chain) =>
        chain.Select(j => Contract.GetValueOrDefault(j)).FirstOrDefault(r => r is not null);

    /// <summary>Whether city-level registration is required (R-QJ-1) in a jurisdiction of <paramref name="chain"/>.</summary>
    public static bool NeedsCityRegistration(IEnumerable<string> chain) => chain.Any(CityRegistration.Contains);
}
