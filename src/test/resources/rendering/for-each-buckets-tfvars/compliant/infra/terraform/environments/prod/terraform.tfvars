buckets = {
  assets = {
    versioned = false
  }
  backups = {
    versioned = true
  }
}
