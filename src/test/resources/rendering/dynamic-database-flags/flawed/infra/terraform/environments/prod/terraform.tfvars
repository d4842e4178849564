database_flags = {
  log_connections = "off"
}
