using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AskPro.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CalComSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PreviousExternalUid",
                table: "Appointments",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CalComSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BaseUrl = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ApiKeyProtected = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    AliasEmailDomain = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    WebhookSubscriptionId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ConnectedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompanyId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalComSettings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CalComSettings_CompanyId",
                table: "CalComSettings",
                column: "CompanyId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalComSettings");

            migrationBuilder.DropColumn(
                name: "PreviousExternalUid",
                table: "Appointments");
        }
    }
}
