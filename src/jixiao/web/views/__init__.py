"""Page views: thin wrappers that call the services and render templates."""
