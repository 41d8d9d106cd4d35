using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pipeline.Migrations.Postgres.Host
{
    /// <inheritdoc />
    public partial class DropQuartz : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Jobs and timers moved from Quartz.NET to Hangfire (schema "hangfire"): Quartz's tables go where they exist.
            migrationBuilder.Sql("""
                DO $$ DECLARE t record;
                BEGIN
                  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'qrtz\_%' LOOP
                    EXECUTE format('DROP TABLE IF EXISTS %I CASCADE', t.tablename);
                  END LOOP;
                END $$;
                """);

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Quartz is gone from the product; its tables are not brought back.

        }
    }
}
