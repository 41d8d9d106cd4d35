namespace Pipeline.Activities.Rosters;

/// <summary>Mainland mobile numbers (11 digits starting with 1) as printed on rosters and forms.</summary>
public static class PhoneNumber
{
    /// <summary>Masks the middle four digits: <c>138****5678</c>. Other lengths keep only the last 4 characters.</summary>
    public static string Mask(string phone) =>
        phone.Length == 11
            ? string.Concat(phone.AsSpan(0, 3), "****", phone.AsSpan(7))
            : phone.Length <= 4 ? phone : new string('*', phone.Length - 4) + phone[^4..];
}
