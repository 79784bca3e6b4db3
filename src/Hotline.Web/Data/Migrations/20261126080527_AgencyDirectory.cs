using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hotline.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AgencyDirectory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AgencyChannels_agencies_AgencyId",
                table: "AgencyChannels");

            migrationBuilder.DropPrimaryKey(
                name: "PK_AgencyChannels",
                table: "AgencyChannels");

            migrationBuilder.RenameTable(
                name: "AgencyChannels",
                newName: "agency_channels");

            migrationBuilder.RenameIndex(
                name: "IX_AgencyChannels_AgencyId",
                table: "agency_channels",
                newName: "IX_agency_channels_AgencyId");

            migrationBuilder.AddColumn<int>(
                name: "ResendCount",
                table: "referrals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AlterColumn<string>(
                name: "Channel",
                table: "agency_channels",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AlterColumn<string>(
                name: "Address",
                table: "agency_channels",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<int>(
                name: "Position",
                table: "agency_channels",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddPrimaryKey(
                name: "PK_agency_channels",
                table: "agency_channels",
                column: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_agency_channels_agencies_AgencyId",
                table: "agency_channels",
                column: "AgencyId",
                principalTable: "agencies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_agency_channels_agencies_AgencyId",
                table: "agency_channels");

            migrationBuilder.DropPrimaryKey(
                name: "PK_agency_channels",
                table: "agency_channels");

            migrationBuilder.DropColumn(
                name: "ResendCount",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "Position",
                table: "agency_channels");

            migrationBuilder.RenameTable(
                name: "agency_channels",
                newName: "AgencyChannels");

            migrationBuilder.RenameIndex(
                name: "IX_agency_channels_AgencyId",
                table: "AgencyChannels",
                newName: "IX_AgencyChannels_AgencyId");

            migrationBuilder.AlterColumn<int>(
                name: "Channel",
                table: "AgencyChannels",
                type: "integer",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(10)",
                oldMaxLength: 10);

            migrationBuilder.AlterColumn<string>(
                name: "Address",
                table: "AgencyChannels",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(300)",
                oldMaxLength: 300);

            migrationBuilder.AddPrimaryKey(
                name: "PK_AgencyChannels",
                table: "AgencyChannels",
                column: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_AgencyChannels_agencies_AgencyId",
                table: "AgencyChannels",
                column: "AgencyId",
                principalTable: "agencies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
