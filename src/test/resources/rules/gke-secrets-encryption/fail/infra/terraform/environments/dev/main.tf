module "gke" {
  source = "../../modules/gke"
  secrets_encryption = "DECRYPTED"
}
