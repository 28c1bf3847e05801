"""One module per data source; each turns its package's files into `NewPlace` records."""
