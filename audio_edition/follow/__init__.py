"""`audio-edition follow`: news feeds watched, each new or changed article built into an edition."""
