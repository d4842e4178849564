variable "project_id" {
  type        = string
  description = "ID of the Google Cloud project that hosts the topics."

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$", var.project_id))
    error_message = "project_id must be a Google Cloud project ID: 6-30 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "region" {
  type        = string
  description = "The only region Pub/Sub may store messages in (message storage policy): trading data stays in region."

  validation {
    condition     = can(regex("^[a-z]+-[a-z]+[0-9]+$", var.region))
    error_message = "region must be a Google Cloud region such as \"us-east4\"."
  }
}

variable "topics" {
  type = map(object({
    message_retention_duration = optional(string, "86400s")
    publishers                 = optional(set(string), [])
    subscriptions = optional(map(object({
      subscriber                   = string
      ack_deadline_seconds         = optional(number, 30)
      message_retention_duration   = optional(string, "604800s")
      enable_message_ordering      = optional(bool, false)
      enable_exactly_once_delivery = optional(bool, false)
      max_delivery_attempts        = optional(number, 10)
      filter                       = optional(string)
    })), {})
  }))
  description = "The platform's event streams, keyed by topic name. publishers and each subscription's subscriber are service names, looked up in service_account_members. Every subscription gets the topic's dead-letter topic after max_delivery_attempts."
  default     = {}

  validation {
    condition     = alltrue([for t, _ in var.topics : can(regex("^[a-z][a-z0-9-]{2,100}$", t)) && !endswith(t, "-dead-letter")])
    error_message = "Topic names must be 3-101 lowercase letters, digits or hyphens, start with a letter and not end in \"-dead-letter\" (reserved for the dead-letter topics)."
  }

  validation {
    condition     = alltrue(flatten([for t in var.topics : [for s, _ in t.subscriptions : can(regex("^[a-z][a-z0-9-]{2,200}$", s))]]))
    error_message = "Subscription names must be 3-201 lowercase letters, digits or hyphens and start with a letter."
  }

  validation {
    condition     = alltrue(flatten([for t in var.topics : [for s in t.subscriptions : s.max_delivery_attempts >= 5 && s.max_delivery_attempts <= 100 && s.ack_deadline_seconds >= 10 && s.ack_deadline_seconds <= 600]]))
    error_message = "max_delivery_attempts must be 5-100 and ack_deadline_seconds 10-600 (Pub/Sub's limits)."
  }

  validation {
    condition = alltrue(flatten([for t in var.topics : concat(
      [can(regex("^[0-9]+s$", t.message_retention_duration)) && try(tonumber(trimsuffix(t.message_retention_duration, "s")) >= 600 && tonumber(trimsuffix(t.message_retention_duration, "s")) <= 2678400, false)],
      [for s in t.subscriptions : can(regex("^[0-9]+s$", s.message_retention_duration)) && try(tonumber(trimsuffix(s.message_retention_duration, "s")) >= 600 && tonumber(trimsuffix(s.message_retention_duration, "s")) <= 604800, false)]
    )]))
    error_message = "Retention durations are seconds with an \"s\" suffix: topics 600s-2678400s (31 days), subscriptions 600s-604800s (7 days)."
  }
}

variable "service_account_members" {
  type        = map(string)
  description = "Map of service name to IAM member (gke module output workload_identity_members); publishers and subscribers are looked up here."
  default     = {}
}

variable "dead_letter_retention_duration" {
  type        = string
  description = "How long dead-lettered messages are kept for inspection and replay (seconds with an \"s\" suffix, at most 7 days)."
  default     = "604800s"

  validation {
    condition     = can(regex("^[0-9]+s$", var.dead_letter_retention_duration)) && try(tonumber(trimsuffix(var.dead_letter_retention_duration, "s")) >= 600 && tonumber(trimsuffix(var.dead_letter_retention_duration, "s")) <= 604800, false)
    error_message = "dead_letter_retention_duration must be 600s-604800s."
  }
}

variable "labels" {
  type        = map(string)
  description = "Labels of the topics and subscriptions."
  default     = {}
}
