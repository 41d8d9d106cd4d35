namespace Pipeline.Host.Hosting;

/// <summary>Where the Host keeps its data and which database it uses; read from the environment by <see cref="FromEnvironment"/>.</summary>
public sealed record PipelineOptions
{
    /// <summary><c>$PIPELINE_DATA</c> (default <c>./data</c>): the SQLite file, the originals, the case index, pack reports.</summary>
    public required string DataFolder { get; init; }

    /// <summary><c>$PIPELINE_DATABASE</c>: an Npgsql connection string; null means SQLite at <c>DataFolder/pipeline.db</c>.</summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>Folder of <c>*.bpmn</c> files deployed at start-up (<c>$PIPELINE_DEFINITIONS</c>, else the nearest <c>workflow-definitions</c>).</summary>
    public string? DefinitionsFolder { get; init; }

    /// <summary>First back-off of a failed job whose activity declares none; doubled per retry (1 s, 2 s, 4 s, …).</summary>
    public TimeSpan JobRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Largest request body of any other endpoint (JSON, sign-in, messages), in bytes; default 1 MiB.</summary>
    public long MaxRequestBytes { get; init; } = 1024 * 1024;

    /// <summary>Largest BPMN XML a deployment may send, in bytes; default 10 MiB.</summary>
    public long MaxDefinitionBytes { get; init; } = 10L * 1024 * 1024;

    /// <summary>Largest pack upload accepted, all its files together, in bytes; default 100 MiB.</summary>
    public long MaxUploadBytes { get; init; } = 100L * 1024 * 1024;

    /// <summary>Most files one pack may have (a product limit, not a regulation's); default 50.</summary>
    public int MaxPackFiles { get; init; } = 50;

    /// <summary>How long an unfinished resumable upload is kept after it was created; default 24 hours.</summary>
    public TimeSpan UploadExpiry { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How long a bearer token from <c>POST /api/auth/token</c> is valid (its <c>expiresIn</c>); default one hour.</summary>
    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long a browser sign-in lasts without activity (sliding); default eight hours, a working day.</summary>
    public TimeSpan SignInCookieLifetime { get; init; } = TimeSpan.FromHours(8);

    /// <summary>Sign-in attempts (token or cookie) accepted per client address and minute; more get 429.</summary>
    public int SignInAttemptsPerMinute { get; init; } = 10;

    /// <summary>Pack uploads accepted per signed-in user and minute; more get 429.</summary>
    public int UploadsPerMinute { get; init; } = 20;

    /// <summary>OCR engine and its settings (<see cref="OcrSettings"/>: <c>$PIPELINE_OCR</c>, <c>$PIPELINE_TESSDATA</c>, <c>$PIPELINE_MODELS</c>).</summary>
    public Activities.Documents.Ocr.OcrOptions Ocr { get; init; } = new();

    public string OriginalsFolder => Path.Combine(DataFolder, "originals");

    /// <summary>The values administrators set for their regulation's settings (<see cref="Activities.Profiles.ProfileSettings"/>).</summary>
    public string ProfileSettingsPath => Path.Combine(DataFolder, Activities.Profiles.ProfileSettings.FileName);

    /// <summary>The shipped jurisdiction profiles with this installation's settings overlaid.</summary>
    /// <exception cref="InvalidDataException">The settings file is broken or sets something that is not a setting.</exception>
    public Activities.Profiles.ProfileCatalog LoadProfiles() =>
        Activities.Profiles.ProfileCatalog.LoadEmbedded(Activities.Profiles.ProfileSettings.Load(ProfileSettingsPath));

    /// <summary>The embedded SQLite database (workflow tables, Host tables; Hangfire's are in <c>hangfire.db</c> beside it) when no PostgreSQL is configured.</summary>
    public string DatabasePath => Path.Combine(DataFolder, "pipeline.db");

    public static PipelineOptions FromEnvironment() => new()
    {
        DataFolder = DataFolderFromEnvironment(),
        PostgresConnectionString = Environment.GetEnvironmentVariable("PIPELINE_DATABASE") is { Length: > 0 } pg ? pg : null,
        DefinitionsFolder = Environment.GetEnvironmentVariable("PIPELINE_DEFINITIONS") is { Length: > 0 } defs ? defs : FindDefinitionsFolder(),
        Ocr = OcrSettings.FromEnvironment(),
    };

    /// <summary><c>$PIPELINE_DATA</c> as a full path, else <c>./data</c> (without reading the rest of the environment).</summary>
    public static string DataFolderFromEnvironment() =>
        Environment.GetEnvironmentVariable("PIPELINE_DATA") is { Length: > 0 } data
            ? Path.GetFullPath(data)
            : Path.Combine(Directory.GetCurrentDirectory(), "data");

    /// <summary>The nearest <c>workflow-definitions</c> folder above the working directory or the binaries.</summary>
    public static string? FindDefinitionsFolder()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "workflow-definitions");
                if (Directory.Exists(candidate)) return candidate;
            }
        return null;
    }
}
