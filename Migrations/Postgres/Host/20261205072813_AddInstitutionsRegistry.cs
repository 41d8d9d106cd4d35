using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pipeline.Migrations.Postgres.Host
{
    /// <inheritdoc />
    public partial class AddInstitutionsRegistry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "host_blacklist",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    institution_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    decision = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    evidence_sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    evidence_file_name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    licence_revoked = table.Column<bool>(type: "boolean", nullable: false),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_blacklist", x => x.id);
                    table.ForeignKey(
                        name: "FK_host_blacklist_host_organisations_institution_id",
                        column: x => x.institution_id,
                        principalTable: "host_organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "host_contracts",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    jurisdiction = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    institution_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    occupations = table.Column<string>(type: "text", nullable: false),
                    areas = table.Column<string>(type: "text", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    renewed_yearly = table.Column<bool>(type: "boolean", nullable: false),
                    order_based_percent = table.Column<int>(type: "integer", nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    terminated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    terminated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    termination_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_contracts", x => x.id);
                    table.ForeignKey(
                        name: "FK_host_contracts_host_organisations_institution_id",
                        column: x => x.institution_id,
                        principalTable: "host_organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "host_institution_registrations",
                columns: table => new
                {
                    institution_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_institution_registrations", x => x.institution_id);
                    table.ForeignKey(
                        name: "FK_host_institution_registrations_host_organisations_instituti~",
                        column: x => x.institution_id,
                        principalTable: "host_organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "host_institution_reviews",
                columns: table => new
                {
                    institution_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    grade = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    publication = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_institution_reviews", x => new { x.institution_id, x.year });
                    table.ForeignKey(
                        name: "FK_host_institution_reviews_host_organisations_institution_id",
                        column: x => x.institution_id,
                        principalTable: "host_organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "host_contract_renewals",
                columns: table => new
                {
                    contract_id = table.Column<string>(type: "character varying(40)", nullable: false),
                    period_starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_contract_renewals", x => new { x.contract_id, x.period_starts_on });
                    table.ForeignKey(
                        name: "FK_host_contract_renewals_host_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "host_contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_host_blacklist_institution_id",
                table: "host_blacklist",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "IX_host_contracts_institution_id",
                table: "host_contracts",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "IX_host_contracts_jurisdiction",
                table: "host_contracts",
                column: "jurisdiction");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "host_blacklist");

            migrationBuilder.DropTable(
                name: "host_contract_renewals");

            migrationBuilder.DropTable(
                name: "host_institution_registrations");

            migrationBuilder.DropTable(
                name: "host_institution_reviews");

            migrationBuilder.DropTable(
                name: "host_contracts");
        }
    }
}
