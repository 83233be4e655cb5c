"""Setting up a region in the app's own pages (not in /beheer/)."""
