using Pipeline.Activities.Profiles;

namespace Pipeline.Host.Hosting;

/// <summary>
/// The jurisdiction profiles with this installation's settings, reloaded when <c>profile-settings.json</c> changes
/// (an administrator's <c>pipeline profiles set</c> takes effect on the next step of every case, without a restart).
/// </summary>
public sealed class ProfileSource(PipelineOptions options)
{
    private readonly Lock _gate = new();
    private ProfileCatalog? _current;
    private DateTime _stamp;

    /// <summary>The catalogue as of the settings file's last write.</summary>
    /// <exception cref="InvalidDataException">The settings file is broken (the previous catalogue is not kept: a step fails visibly).</exception>
    public ProfileCatalog Current
    {
        get
        {
            var stamp = File.Exists(options.ProfileSettingsPath) ? File.GetLastWriteTimeUtc(options.ProfileSettingsPath) : DateTime.MinValue;
            lock (_gate)
            {
                if (_current is null || stamp != _stamp)
                {
                    _current = options.LoadProfiles();
                    _stamp = stamp;
                }
                return _current;
            }
        }
    }
}
