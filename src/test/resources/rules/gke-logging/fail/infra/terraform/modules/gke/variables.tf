variable "logging_service" {
  type    = string
  default = "logging.googleapis.com/kubernetes"
}
