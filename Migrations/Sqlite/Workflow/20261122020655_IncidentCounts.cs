using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pipeline.Migrations.Sqlite.Workflow
{
    /// <inheritdoc />
    public partial class IncidentCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "incident_count",
                table: "wf_process_instances",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_wf_process_instances_incident_count",
                table: "wf_process_instances",
                column: "incident_count",
                filter: "incident_count > 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_wf_process_instances_incident_count",
                table: "wf_process_instances");

            migrationBuilder.DropColumn(
                name: "incident_count",
                table: "wf_process_instances");
        }
    }
}
