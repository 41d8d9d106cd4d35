using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pipeline.Migrations.Postgres.Host
{
    /// <inheritdoc />
    public partial class AddCaseOccupation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "occupation",
                table: "host_cases",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_host_cases_occupation_created_at",
                table: "host_cases",
                columns: new[] { "occupation", "created_at" });

            // Existing cases: the occupation of the class data they were filed with (the case tracker filters on it).
            migrationBuilder.Sql(@"UPDATE host_cases SET occupation = left(btrim(class_data::jsonb ->> 'occupation'), 100) WHERE class_data IS NOT NULL AND class_data ~ '^\s*\{' AND jsonb_typeof(class_data::jsonb -> 'occupation') = 'string';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_host_cases_occupation_created_at",
                table: "host_cases");

            migrationBuilder.DropColumn(
                name: "occupation",
                table: "host_cases");
        }
    }
}
