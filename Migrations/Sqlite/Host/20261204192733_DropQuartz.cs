using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pipeline.Migrations.Sqlite.Host
{
    /// <inheritdoc />
    public partial class DropQuartz : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Jobs and timers moved from Quartz.NET to Hangfire (its own hangfire.db): Quartz's tables go where they exist.
            migrationBuilder.Sql("DROP TABLE IF EXISTS QRTZ_FIRED_TRIGGERS;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS QRTZ_SIMPLE_TRIGGERS;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS QRTZ_CRON_TRIGGERS;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS QRTZ_SIMPROP_TRIGGERS;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS QRTZ_BLOB_TRIGGERS;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS QRTZ_TRIGGERS;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS QRTZ_JOB_DETAILS;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS QRTZ_CALENDARS;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS QRTZ_PAUSED_TRIGGER_GRPS;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS QRTZ_PAUSED_JOB_GRPS;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS QRTZ_SCHEDULER_STATE;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS QRTZ_LOCKS;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS QRTZ_EXECUTION_HISTORY;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS QRTZ_MISFIRE_HISTORY;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS QRTZ_JOB_STATUS;");

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Quartz is gone from the product; its tables are not brought back.

        }
    }
}
