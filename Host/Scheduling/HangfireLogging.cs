using Hangfire.Logging;
using MsLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Pipeline.Host.Scheduling;

/// <summary>
/// Hangfire's logging (a process-wide static) into the logging of the Host that started last. Hangfire's own
/// ASP.NET Core bridge keeps the first Host's logger factory, which is gone once that Host stops (several Hosts live
/// in one test process); this one looks the factory up at each log call and drops messages when there is none.
/// </summary>
public sealed class HangfireLogging : ILogProvider
{
    public static readonly HangfireLogging Instance = new();

    private static volatile ILoggerFactory? _factory;

    /// <summary>Sends Hangfire's messages to <paramref name="factory"/> from now on.</summary>
    public static void Use(ILoggerFactory factory) => _factory = factory;

    public ILog GetLogger(string name) => new Logger(name);

    private sealed class Logger(string name) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            ILogger logger;
            try
            {
                if (_factory is not { } factory) return false;
                logger = factory.CreateLogger(name);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
            var level = logLevel switch
            {
                Hangfire.Logging.LogLevel.Trace => MsLogLevel.Trace,
                Hangfire.Logging.LogLevel.Debug => MsLogLevel.Debug,
                Hangfire.Logging.LogLevel.Info => MsLogLevel.Information,
                Hangfire.Logging.LogLevel.Warn => MsLogLevel.Warning,
                Hangfire.Logging.LogLevel.Error => MsLogLevel.Error,
                _ => MsLogLevel.Critical,
            };
            if (messageFunc is null) return logger.IsEnabled(level);
            if (!logger.IsEnabled(level)) return false;
#pragma warning disable CA2254 // Hangfire's messages are already formatted text.
            logger.Log(level, exception, messageFunc());
#pragma warning restore CA2254
            return true;
        }
    }
}
