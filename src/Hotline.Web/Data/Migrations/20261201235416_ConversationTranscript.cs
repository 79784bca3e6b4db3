using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Hotline.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ConversationTranscript : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AwaitingReplySince",
                table: "contacts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HotlineAddress",
                table: "contacts",
                type: "character varying(48)",
                maxLength: 48,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "conversation_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Direction = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Author = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    MessageSid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Body = table.Column<string>(type: "text", nullable: true),
                    MediaJson = table.Column<string>(type: "jsonb", nullable: true),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ErrorCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    Problem = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    AuthorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    TemplateSid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StatusAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conversation_messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_conversation_messages_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_conversation_messages_contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_contacts_AwaitingReplySince",
                table: "contacts",
                column: "AwaitingReplySince",
                filter: "\"AwaitingReplySince\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_conversation_messages_CaseId_Sequence",
                table: "conversation_messages",
                columns: new[] { "CaseId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_conversation_messages_ContactId_Sequence",
                table: "conversation_messages",
                columns: new[] { "ContactId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_conversation_messages_MessageSid",
                table: "conversation_messages",
                column: "MessageSid",
                unique: true,
                filter: "\"MessageSid\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "conversation_messages");

            migrationBuilder.DropIndex(
                name: "IX_contacts_AwaitingReplySince",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "AwaitingReplySince",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "HotlineAddress",
                table: "contacts");
        }
    }
}
