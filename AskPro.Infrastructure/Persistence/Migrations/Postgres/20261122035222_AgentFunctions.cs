using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AskPro.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AgentFunctions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SelectedServiceId",
                table: "Calls",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SelectedStaffId",
                table: "Calls",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FunctionInvocations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CallId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ArgumentsMasked = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Success = table.Column<bool>(type: "boolean", nullable: false),
                    Message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DurationMs = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CompanyId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FunctionInvocations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SlotHolds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffId = table.Column<Guid>(type: "uuid", nullable: false),
                    GranuleStartUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CallId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CompanyId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlotHolds", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FunctionInvocations_CompanyId_CallId_At",
                table: "FunctionInvocations",
                columns: new[] { "CompanyId", "CallId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_SlotHolds_CallId",
                table: "SlotHolds",
                column: "CallId");

            migrationBuilder.CreateIndex(
                name: "IX_SlotHolds_ExpiresAtUtc",
                table: "SlotHolds",
                column: "ExpiresAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_SlotHolds_StaffId_GranuleStartUtc",
                table: "SlotHolds",
                columns: new[] { "StaffId", "GranuleStartUtc" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FunctionInvocations");

            migrationBuilder.DropTable(
                name: "SlotHolds");

            migrationBuilder.DropColumn(
                name: "SelectedServiceId",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "SelectedStaffId",
                table: "Calls");
        }
    }
}
