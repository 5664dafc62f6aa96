-- The point of each shop is kept beside its lat/lng (computed by PostgreSQL), so a search reads it from the row and the GiST index instead of computing ll_to_earth again for every shop it looks at.
DROP INDEX "benefits_merchants_earth";--> statement-breakpoint
ALTER TABLE "benefits_merchants" ADD COLUMN "earth" "earth" GENERATED ALWAYS AS (ll_to_earth(lat, lng)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "benefits_merchants_earth" ON "benefits_merchants" USING gist ("earth");