-- Deliveries name the route they went along: the API and the console show the route's name and the receiver's host,
-- never the URL (a Slack webhook's path is its secret). Deliveries made before have no name.
ALTER TABLE notification_delivery ADD COLUMN IF NOT EXISTS route VARCHAR(200);
