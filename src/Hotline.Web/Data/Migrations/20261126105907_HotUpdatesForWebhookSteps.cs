using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hotline.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class HotUpdatesForWebhookSteps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_contacts_ConversationKey_LastActivityAt",
                table: "contacts");

            migrationBuilder.AlterTable(
                name: "contacts")
                .Annotation("Npgsql:StorageParameter:fillfactor", 80);

            migrationBuilder.AlterTable(
                name: "cases")
                .Annotation("Npgsql:StorageParameter:fillfactor", 80);

            migrationBuilder.CreateIndex(
                name: "IX_contacts_ConversationKey",
                table: "contacts",
                column: "ConversationKey",
                filter: "\"ConversationKey\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_contacts_ConversationKey",
                table: "contacts");

            migrationBuilder.AlterTable(
                name: "contacts")
                .OldAnnotation("Npgsql:StorageParameter:fillfactor", 80);

            migrationBuilder.AlterTable(
                name: "cases")
                .OldAnnotation("Npgsql:StorageParameter:fillfactor", 80);

            migrationBuilder.CreateIndex(
                name: "IX_contacts_ConversationKey_LastActivityAt",
                table: "contacts",
                columns: new[] { "ConversationKey", "LastActivityAt" });
        }
    }
}
