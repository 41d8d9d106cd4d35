using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pipeline.Migrations.Sqlite.Host
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
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_host_cases_occupation_created_at",
                table: "host_cases",
                columns: new[] { "occupation", "created_at" });

            // Existing cases: the occupation of the class data they were filed with (the case tracker filters on it).
            migrationBuilder.Sql(@"UPDATE host_cases SET occupation = substr(trim(json_extract(class_data, '$.occupation')), 1, 100) WHERE class_data IS NOT NULL AND json_valid(class_data) AND json_type(class_data, '$.occupation') = 'text';");
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
