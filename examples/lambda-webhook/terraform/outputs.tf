output "secret_arn" {
  description = "Put the webhook URL into this secret."
  value       = aws_secretsmanager_secret.webhook_url.arn
}

output "function_name" {
  description = "The Lambda function."
  value       = aws_lambda_function.handler.function_name
}

output "failed_events_queue_url" {
  description = "Events that could not be delivered after every retry."
  value       = aws_sqs_queue.failed_events.url
}
