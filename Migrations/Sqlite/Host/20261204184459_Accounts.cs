using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pipeline.Migrations.Sqlite.Host
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
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "jurisdiction",
                table: "host_cases",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "host_data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    friendly_name = table.Column<string>(type: "TEXT", nullable: true),
                    xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "host_organisations",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    jurisdiction = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    credit_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    licensed_occupations = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_organisations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "host_roles",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "host_security_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", nullable: true),
                    actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    detail = table.Column<string>(type: "TEXT", nullable: true),
                    remote_address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_security_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "host_users",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    organisation_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    password_hash = table.Column<string>(type: "TEXT", nullable: true),
                    security_stamp = table.Column<string>(type: "TEXT", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "TEXT", nullable: true),
                    phone_number = table.Column<string>(type: "TEXT", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    lockout_end = table.Column<long>(type: "INTEGER", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    access_failed_count = table.Column<int>(type: "INTEGER", nullable: false)
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
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    role_id = table.Column<string>(type: "TEXT", nullable: false),
                    claim_type = table.Column<string>(type: "TEXT", nullable: true),
                    claim_value = table.Column<string>(type: "TEXT", nullable: true)
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
                    user_id = table.Column<string>(type: "TEXT", nullable: false),
                    institution_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    relation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<string>(type: "TEXT", nullable: false),
                    claim_type = table.Column<string>(type: "TEXT", nullable: true),
                    claim_value = table.Column<string>(type: "TEXT", nullable: true)
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
                    login_provider = table.Column<string>(type: "TEXT", nullable: false),
                    provider_key = table.Column<string>(type: "TEXT", nullable: false),
                    provider_display_name = table.Column<string>(type: "TEXT", nullable: true),
                    user_id = table.Column<string>(type: "TEXT", nullable: false)
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
                    user_id = table.Column<string>(type: "TEXT", nullable: false),
                    role_id = table.Column<string>(type: "TEXT", nullable: false)
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
                    user_id = table.Column<string>(type: "TEXT", nullable: false),
                    login_provider = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    value = table.Column<string>(type: "TEXT", nullable: true)
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
            migrationBuilder.Sql("CREATE TRIGGER host_security_events_no_update BEFORE UPDATE ON host_security_events BEGIN SELECT RAISE(ABORT, 'host_security_events is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER host_security_events_no_delete BEFORE DELETE ON host_security_events BEGIN SELECT RAISE(ABORT, 'host_security_events is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS host_security_events_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS host_security_events_no_delete;");
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
