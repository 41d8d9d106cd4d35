using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pipeline.Migrations.Postgres.Workflow
{
    /// <inheritdoc />
    public partial class CallActivitiesAndTaskSchedule : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "parent_bookmark_id",
                table: "wf_process_instances",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "parent_instance_id",
                table: "wf_process_instances",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "follow_up_at",
                table: "wf_bookmarks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_wf_process_instances_parent_instance_id",
                table: "wf_process_instances",
                column: "parent_instance_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_wf_process_instances_parent_instance_id",
                table: "wf_process_instances");

            migrationBuilder.DropColumn(
                name: "parent_bookmark_id",
                table: "wf_process_instances");

            migrationBuilder.DropColumn(
                name: "parent_instance_id",
                table: "wf_process_instances");

            migrationBuilder.DropColumn(
                name: "follow_up_at",
                table: "wf_bookmarks");
        }
    }
}
