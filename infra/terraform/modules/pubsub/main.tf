# Pub/Sub topics and subscriptions for the platform's event streams, each subscription with a
# dead-letter topic, and IAM for exactly the Workload Identity accounts that publish or subscribe.

data "google_project" "current" {
  project_id = var.project_id
}

locals {
  pubsub_agent = "serviceAccount:service-${data.google_project.current.number}@gcp-sa-pubsub.iam.gserviceaccount.com"

  subscriptions = {
    for pair in flatten([
      for topic, settings in var.topics : [
        for name, subscription in settings.subscriptions : merge(subscription, { topic = topic, name = name })
      ]
    ]) : pair.name => pair
  }

  publishers = {
    for pair in flatten([
      for topic, settings in var.topics : [
        for service in settings.publishers : { topic = topic, service = service }
      ]
    ]) : "${pair.topic}/${pair.service}" => pair
  }
}

resource "google_pubsub_topic" "stream" {
  for_each = var.topics

  project                    = var.project_id
  name                       = each.key
  message_retention_duration = each.value.message_retention_duration
  labels                     = var.labels

  # Messages are stored only in our region: trading data does not leave it.
  message_storage_policy {
    allowed_persistence_regions = [var.region]
  }
}

resource "google_pubsub_topic" "dead_letter" {
  for_each = var.topics

  project                    = var.project_id
  name                       = "${each.key}-dead-letter"
  message_retention_duration = var.dead_letter_retention_duration
  labels                     = var.labels

  message_storage_policy {
    allowed_persistence_regions = [var.region]
  }
}

# Keeps dead-lettered messages until someone inspects or replays them; a topic alone would drop them.
resource "google_pubsub_subscription" "dead_letter" {
  for_each = var.topics

  project                    = var.project_id
  name                       = "${each.key}-dead-letter"
  topic                      = google_pubsub_topic.dead_letter[each.key].id
  message_retention_duration = var.dead_letter_retention_duration
  retain_acked_messages      = true
  ack_deadline_seconds       = 60
  labels                     = var.labels

  expiration_policy {
    ttl = ""
  }
}

resource "google_pubsub_subscription" "stream" {
  for_each = local.subscriptions

  project                      = var.project_id
  name                         = each.key
  topic                        = google_pubsub_topic.stream[each.value.topic].id
  ack_deadline_seconds         = each.value.ack_deadline_seconds
  message_retention_duration   = each.value.message_retention_duration
  enable_message_ordering      = each.value.enable_message_ordering
  enable_exactly_once_delivery = each.value.enable_exactly_once_delivery
  filter                       = each.value.filter
  labels                       = var.labels

  dead_letter_policy {
    dead_letter_topic     = google_pubsub_topic.dead_letter[each.value.topic].id
    max_delivery_attempts = each.value.max_delivery_attempts
  }

  retry_policy {
    minimum_backoff = "10s"
    maximum_backoff = "600s"
  }

  # Never expire for inactivity: a quiet market must not delete a subscription.
  expiration_policy {
    ttl = ""
  }
}

resource "google_pubsub_topic_iam_member" "publisher" {
  for_each = local.publishers

  project = var.project_id
  topic   = google_pubsub_topic.stream[each.value.topic].name
  role    = "roles/pubsub.publisher"
  member  = var.service_account_members[each.value.service]
}

resource "google_pubsub_subscription_iam_member" "subscriber" {
  for_each = local.subscriptions

  project      = var.project_id
  subscription = google_pubsub_subscription.stream[each.key].name
  role         = "roles/pubsub.subscriber"
  member       = var.service_account_members[each.value.subscriber]
}

# The Pub/Sub service agent forwards undeliverable messages: it publishes to the dead-letter topic
# and acknowledges on the source subscription, and nothing more.
resource "google_pubsub_topic_iam_member" "dead_letter_publisher" {
  for_each = var.topics

  project = var.project_id
  topic   = google_pubsub_topic.dead_letter[each.key].name
  role    = "roles/pubsub.publisher"
  member  = local.pubsub_agent
}

resource "google_pubsub_subscription_iam_member" "dead_letter_forwarder" {
  for_each = local.subscriptions

  project      = var.project_id
  subscription = google_pubsub_subscription.stream[each.key].name
  role         = "roles/pubsub.subscriber"
  member       = local.pubsub_agent
}
