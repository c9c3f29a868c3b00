using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AskPro.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class BranchRegion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CountryCode",
                table: "Branches",
                // existing branches are German: AskPro served only Germany before regions existed
                type: "nvarchar(2)",
                maxLength: 2,
                nullable: false,
                defaultValue: "DE");

            migrationBuilder.AddColumn<string>(
                name: "OpenOnHolidays",
                table: "Branches",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Region",
                table: "Branches",
                type: "nvarchar(6)",
                maxLength: 6,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CountryCode",
                table: "Branches");

            migrationBuilder.DropColumn(
                name: "OpenOnHolidays",
                table: "Branches");

            migrationBuilder.DropColumn(
                name: "Region",
                table: "Branches");
        }
    }
}
