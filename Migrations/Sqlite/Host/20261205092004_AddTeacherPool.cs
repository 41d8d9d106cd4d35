using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pipeline.Migrations.Sqlite.Host
{
    /// <inheritdoc />
    public partial class AddTeacherPool : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "host_teachers",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    institution_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    id_number = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    occupations = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    certificates = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_teachers", x => x.id);
                    table.ForeignKey(
                        name: "FK_host_teachers_host_organisations_institution_id",
                        column: x => x.institution_id,
                        principalTable: "host_organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "host_teacher_checks",
                columns: table => new
                {
                    teacher_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    passed = table.Column<bool>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_teacher_checks", x => new { x.teacher_id, x.year });
                    table.ForeignKey(
                        name: "FK_host_teacher_checks_host_teachers_teacher_id",
                        column: x => x.teacher_id,
                        principalTable: "host_teachers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "host_teacher_exclusions",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    teacher_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    id_number = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    fraud = table.Column<bool>(type: "INTEGER", nullable: false),
                    evidence_sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    evidence_file_name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    decided_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_teacher_exclusions", x => x.id);
                    table.ForeignKey(
                        name: "FK_host_teacher_exclusions_host_teachers_teacher_id",
                        column: x => x.teacher_id,
                        principalTable: "host_teachers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_host_teacher_exclusions_id_number",
                table: "host_teacher_exclusions",
                column: "id_number");

            migrationBuilder.CreateIndex(
                name: "IX_host_teacher_exclusions_teacher_id",
                table: "host_teacher_exclusions",
                column: "teacher_id");

            migrationBuilder.CreateIndex(
                name: "IX_host_teachers_institution_id",
                table: "host_teachers",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "IX_host_teachers_institution_id_id_number",
                table: "host_teachers",
                columns: new[] { "institution_id", "id_number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "host_teacher_checks");

            migrationBuilder.DropTable(
                name: "host_teacher_exclusions");

            migrationBuilder.DropTable(
                name: "host_teachers");
        }
    }
}
