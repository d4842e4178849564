buckets = {
  assets = {
    versioned = false
  }
  backups = {
    versioned = false
  }
}
