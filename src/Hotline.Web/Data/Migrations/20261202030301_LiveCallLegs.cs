using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hotline.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class LiveCallLegs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "live_call_legs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Label = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    CallSid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ConferenceSid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: true),
                    Detail = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    State = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Held = table.Column<bool>(type: "boolean", nullable: false),
                    Muted = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    JoinedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LeftAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Failure = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_live_call_legs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_live_call_legs_contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_live_call_legs_CallSid",
                table: "live_call_legs",
                column: "CallSid",
                filter: "\"CallSid\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_live_call_legs_CaseId",
                table: "live_call_legs",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_live_call_legs_ContactId",
                table: "live_call_legs",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_live_call_legs_State",
                table: "live_call_legs",
                column: "State",
                filter: "\"State\" IN ('Calling', 'Joined')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "live_call_legs");
        }
    }
}
