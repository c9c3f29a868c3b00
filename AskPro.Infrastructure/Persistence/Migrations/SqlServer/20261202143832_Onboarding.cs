using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AskPro.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Onboarding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Origin",
                table: "PhoneNumbers",
                type: "nvarchar(24)",
                maxLength: 24,
                nullable: false,
                defaultValue: "Assigned");

            migrationBuilder.AddColumn<string>(
                name: "SipTerminationUri",
                table: "PhoneNumbers",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OnboardingStep",
                table: "Companies",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "WentLiveAt",
                table: "Companies",
                type: "datetime2",
                nullable: true);

            // Every company that existed before onboarding was set up by hand and answered calls:
            // it stays live (a suspended one stays suspended).
            migrationBuilder.Sql("UPDATE \"Companies\" SET \"Status\" = 'Active', \"WentLiveAt\" = \"CreatedAt\" WHERE \"Status\" <> 'Suspended'");
            migrationBuilder.Sql("UPDATE \"Companies\" SET \"WentLiveAt\" = \"CreatedAt\" WHERE \"Status\" = 'Suspended'");

            migrationBuilder.CreateTable(
                name: "VoiceAgents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BranchId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LlmId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    AgentId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    ScriptFingerprint = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ProvisionedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    LastError = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    CompanyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoiceAgents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VoiceAgents_Branches_BranchId",
                        column: x => x.BranchId,
                        principalTable: "Branches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_VoiceAgents_BranchId",
                table: "VoiceAgents",
                column: "BranchId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VoiceAgents_CompanyId",
                table: "VoiceAgents",
                column: "CompanyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VoiceAgents");

            migrationBuilder.DropColumn(
                name: "Origin",
                table: "PhoneNumbers");

            migrationBuilder.DropColumn(
                name: "SipTerminationUri",
                table: "PhoneNumbers");

            migrationBuilder.DropColumn(
                name: "OnboardingStep",
                table: "Companies");

            migrationBuilder.DropColumn(
                name: "WentLiveAt",
                table: "Companies");
        }
    }
}
