using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AskPro.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CallerLookupIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Customers_Phone",
                table: "Customers",
                column: "Phone");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_CustomerId_StartUtc",
                table: "Appointments",
                columns: new[] { "CustomerId", "StartUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Customers_Phone",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Appointments_CustomerId_StartUtc",
                table: "Appointments");
        }
    }
}
