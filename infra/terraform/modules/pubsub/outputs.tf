output "topic_ids" {
  description = "Map of topic name to topic ID (projects/P/topics/T)."
  value       = { for name, topic in google_pubsub_topic.stream : name => topic.id }
}

output "subscription_ids" {
  description = "Map of subscription name to subscription ID (projects/P/subscriptions/S)."
  value       = { for name, subscription in google_pubsub_subscription.stream : name => subscription.id }
}

output "dead_letter_topic_ids" {
  description = "Map of topic name to the ID of its dead-letter topic."
  value       = { for name, topic in google_pubsub_topic.dead_letter : name => topic.id }
}

output "dead_letter_subscription_ids" {
  description = "Map of topic name to the subscription that retains its dead-lettered messages."
  value       = { for name, subscription in google_pubsub_subscription.dead_letter : name => subscription.id }
}
