output "secret_arn" {
  description = "Put the bot token into this secret."
  value       = aws_secretsmanager_secret.bot_token.arn
}

output "function_name" {
  description = "The Lambda function."
  value       = aws_lambda_function.handler.function_name
}

output "events_queue_url" {
  description = "The queue EventBridge sends the ECS events to."
  value       = aws_sqs_queue.events.url
}

output "failed_events_queue_url" {
  description = "Records that failed five times, and events EventBridge could not queue."
  value       = aws_sqs_queue.failed_events.url
}
