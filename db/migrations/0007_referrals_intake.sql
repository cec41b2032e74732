ALTER TABLE "referrals" ADD COLUMN "raised_by_name" text NOT NULL;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "raised_by_organization_name" text NOT NULL;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "decided_by_name" text;