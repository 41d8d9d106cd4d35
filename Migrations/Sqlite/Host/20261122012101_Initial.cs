using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pipeline.Migrations.Sqlite.Host
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "host_cases",
                columns: table => new
                {
                    business_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    instance_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    process_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_cases", x => x.business_key);
                });

            migrationBuilder.CreateTable(
                name: "host_case_packs",
                columns: table => new
                {
                    business_key = table.Column<string>(type: "TEXT", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    document = table.Column<string>(type: "TEXT", nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_case_packs", x => new { x.business_key, x.sha256 });
                    table.ForeignKey(
                        name: "FK_host_case_packs_host_cases_business_key",
                        column: x => x.business_key,
                        principalTable: "host_cases",
                        principalColumn: "business_key",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_host_cases_created_at",
                table: "host_cases",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "IX_host_cases_instance_id",
                table: "host_cases",
                column: "instance_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "host_case_packs");

            migrationBuilder.DropTable(
                name: "host_cases");
        }
    }
}
