using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Pipeline.Migrations.Postgres.Host
{
    /// <inheritdoc />
    public partial class Accounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "institution_id",
                table: "host_cases",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "jurisdiction",
                table: "host_cases",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "host_data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "host_organisations",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    jurisdiction = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    credit_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    licensed_occupations = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_organisations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "host_roles",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "host_security_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: true),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    detail = table.Column<string>(type: "text", nullable: true),
                    remote_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_security_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "host_users",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    display_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    organisation_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "text", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_users", x => x.id);
                    table.ForeignKey(
                        name: "FK_host_users_host_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "host_organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "host_role_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    role_id = table.Column<string>(type: "text", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "FK_host_role_claims_host_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "host_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "host_recusals",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    institution_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    relation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_recusals", x => new { x.user_id, x.institution_id });
                    table.ForeignKey(
                        name: "FK_host_recusals_host_organisations_institution_id",
                        column: x => x.institution_id,
                        principalTable: "host_organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_host_recusals_host_users_user_id",
                        column: x => x.user_id,
                        principalTable: "host_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "host_user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "FK_host_user_claims_host_users_user_id",
                        column: x => x.user_id,
                        principalTable: "host_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "host_user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "FK_host_user_logins_host_users_user_id",
                        column: x => x.user_id,
                        principalTable: "host_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "host_user_roles",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    role_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "FK_host_user_roles_host_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "host_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_host_user_roles_host_users_user_id",
                        column: x => x.user_id,
                        principalTable: "host_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "host_user_tokens",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "FK_host_user_tokens_host_users_user_id",
                        column: x => x.user_id,
                        principalTable: "host_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_host_cases_institution_id_created_at",
                table: "host_cases",
                columns: new[] { "institution_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_host_cases_jurisdiction_created_at",
                table: "host_cases",
                columns: new[] { "jurisdiction", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_host_organisations_credit_code",
                table: "host_organisations",
                column: "credit_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_host_organisations_kind_jurisdiction",
                table: "host_organisations",
                columns: new[] { "kind", "jurisdiction" });

            migrationBuilder.CreateIndex(
                name: "IX_host_recusals_institution_id",
                table: "host_recusals",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "IX_host_role_claims_role_id",
                table: "host_role_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "host_roles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_host_security_events_at",
                table: "host_security_events",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "IX_host_security_events_user_id",
                table: "host_security_events",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "IX_host_user_claims_user_id",
                table: "host_user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "IX_host_user_logins_user_id",
                table: "host_user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "IX_host_user_roles_role_id",
                table: "host_user_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "host_users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "IX_host_users_organisation_id",
                table: "host_users",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "host_users",
                column: "normalized_user_name",
                unique: true);

            // The security log is append-only (R-YN-13): the database itself refuses to change or delete its rows.
            migrationBuilder.Sql("""
                CREATE FUNCTION host_security_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'host_security_events is append-only'; END $$;
                CREATE TRIGGER host_security_events_no_update BEFORE UPDATE OR DELETE ON host_security_events
                FOR EACH ROW EXECUTE FUNCTION host_security_events_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS host_security_events_no_update ON host_security_events; DROP FUNCTION IF EXISTS host_security_events_append_only();");
            migrationBuilder.DropTable(
                name: "host_data_protection_keys");

            migrationBuilder.DropTable(
                name: "host_recusals");

            migrationBuilder.DropTable(
                name: "host_role_claims");

            migrationBuilder.DropTable(
                name: "host_security_events");

            migrationBuilder.DropTable(
                name: "host_user_claims");

            migrationBuilder.DropTable(
                name: "host_user_logins");

            migrationBuilder.DropTable(
                name: "host_user_roles");

            migrationBuilder.DropTable(
                name: "host_user_tokens");

            migrationBuilder.DropTable(
                name: "host_roles");

            migrationBuilder.DropTable(
                name: "host_users");

            migrationBuilder.DropTable(
                name: "host_organisations");

            migrationBuilder.DropIndex(
                name: "IX_host_cases_institution_id_created_at",
                table: "host_cases");

            migrationBuilder.DropIndex(
                name: "IX_host_cases_jurisdiction_created_at",
                table: "host_cases");

            migrationBuilder.DropColumn(
                name: "institution_id",
                table: "host_cases");

            migrationBuilder.DropColumn(
                name: "jurisdiction",
                table: "host_cases");
        }
    }
}
