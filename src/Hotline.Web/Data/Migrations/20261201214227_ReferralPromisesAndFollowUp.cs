using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hotline.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReferralPromisesAndFollowUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DeliveredRound",
                table: "referrals",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeliveryClaimedUntil",
                table: "referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FollowUp",
                table: "referrals",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FollowedUpAt",
                table: "referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FollowedUpBy",
                table: "referrals",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_referrals_EscalatedFromId",
                table: "referrals",
                column: "EscalatedFromId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_referrals_EscalatedFromId",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "DeliveredRound",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "DeliveryClaimedUntil",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "FollowUp",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "FollowedUpAt",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "FollowedUpBy",
                table: "referrals");
        }
    }
}
