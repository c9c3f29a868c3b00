using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AskPro.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BookingIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_SlotHolds_CompanyId_GranuleStartUtc",
                table: "SlotHolds",
                columns: new[] { "CompanyId", "GranuleStartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_CompanyId_CallId",
                table: "Appointments",
                columns: new[] { "CompanyId", "CallId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SlotHolds_CompanyId_GranuleStartUtc",
                table: "SlotHolds");

            migrationBuilder.DropIndex(
                name: "IX_Appointments_CompanyId_CallId",
                table: "Appointments");
        }
    }
}
