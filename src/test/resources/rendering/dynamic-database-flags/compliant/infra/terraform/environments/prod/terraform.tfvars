database_flags = {
  log_connections = "on"
}
