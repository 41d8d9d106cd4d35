namespace Pipeline.Workflows.Calendar;

/// <summary>How far a year's holiday arrangement can be trusted.</summary>
public enum ArrangementStatus
{
    /// <summary>Taken from the published State Council notice (or a local government's notice) for that year.</summary>
    Official,

    /// <summary>
    /// Made up from the statutory holidays of 《全国年节及纪念日放假办法》 because the year's notice was not yet
    /// published: no swapped working days (调休) and no make-up days. Replace it when the notice appears.
    /// </summary>
    Provisional,
}
