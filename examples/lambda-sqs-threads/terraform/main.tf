# The lambda-sqs-threads example: EventBridge → SQS (a dead-letter queue after five receives) →
# Lambda with partial batch responses, the DynamoDB state table of docs/dynamodb.md, the bot
# token in Secrets Manager, and nothing more in IAM than the function needs.

locals {
  bundle_dir = coalesce(var.bundle_dir, "${path.module}/../build")
  detail_types = [
    "ECS Task State Change",
    "ECS Service Action",
    "ECS Deployment State Change",
    "ECS Container Instance State Change",
  ]
  # Lambda advises a visibility timeout of at least six times the function's timeout.
  function_timeout = 30
}

# The value (xoxb-...) is set after `terraform apply` (see README.md): a value written here would
# be stored in plain text in the Terraform state.
resource "aws_secretsmanager_secret" "bot_token" {
  name        = "${var.name}/bot-token"
  description = "Slack bot token (xoxb-...) for ecs-slack, with the chat:write scope"
}

# Records that failed five times (Slack refused them, or they are not ECS events), and events
# EventBridge could not send to the queue. Each body is the EventBridge event, ready to replay.
resource "aws_sqs_queue" "failed_events" {
  name                      = "${var.name}-failed-events"
  message_retention_seconds = 1209600 # 14 days, the maximum
  sqs_managed_sse_enabled   = true
}

resource "aws_sqs_queue" "events" {
  name                       = "${var.name}-events"
  visibility_timeout_seconds = local.function_timeout * 6
  message_retention_seconds  = 345600 # 4 days
  sqs_managed_sse_enabled    = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.failed_events.arn
    maxReceiveCount     = 5
  })
}

# Both queues accept messages from this rule only, and over TLS only.
data "aws_iam_policy_document" "queue" {
  for_each = {
    events        = aws_sqs_queue.events.arn
    failed_events = aws_sqs_queue.failed_events.arn
  }

  statement {
    sid       = "EventBridge"
    actions   = ["sqs:SendMessage"]
    resources = [each.value]
    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }
    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [aws_cloudwatch_event_rule.ecs.arn]
    }
  }

  statement {
    sid       = "TlsOnly"
    effect    = "Deny"
    actions   = ["sqs:*"]
    resources = [each.value]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_sqs_queue_policy" "events" {
  queue_url = aws_sqs_queue.events.id
  policy    = data.aws_iam_policy_document.queue["events"].json
}

resource "aws_sqs_queue_policy" "failed_events" {
  queue_url = aws_sqs_queue.failed_events.id
  policy    = data.aws_iam_policy_document.queue["failed_events"].json
}

# docs/dynamodb.md: string keys pk and sk, TTL on ttl, on-demand; the state is disposable.
resource "aws_dynamodb_table" "state" {
  name         = "${var.name}-state"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"
  range_key    = "sk"

  attribute {
    name = "pk"
    type = "S"
  }

  attribute {
    name = "sk"
    type = "S"
  }

  ttl {
    attribute_name = "ttl"
    enabled        = true
  }
}

resource "aws_cloudwatch_log_group" "function" {
  name              = "/aws/lambda/${var.name}"
  retention_in_days = var.log_retention_days
}

data "aws_iam_policy_document" "assume_lambda" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "function" {
  name               = var.name
  assume_role_policy = data.aws_iam_policy_document.assume_lambda.json
}

data "aws_iam_policy_document" "function" {
  statement {
    sid       = "OwnLogGroup"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.function.arn}:*"]
  }

  statement {
    sid       = "ReadBotToken"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [aws_secretsmanager_secret.bot_token.arn]
  }

  # Exactly the five actions the DynamoDB store uses.
  statement {
    sid       = "StateStore"
    actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query"]
    resources = [aws_dynamodb_table.state.arn]
  }

  # What the event source mapping needs to poll the queue.
  statement {
    sid       = "PollQueue"
    actions   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"]
    resources = [aws_sqs_queue.events.arn]
  }
}

resource "aws_iam_role_policy" "function" {
  name   = var.name
  role   = aws_iam_role.function.id
  policy = data.aws_iam_policy_document.function.json
}

data "archive_file" "bundle" {
  type        = "zip"
  source_dir  = local.bundle_dir
  output_path = "${path.root}/.terraform/${var.name}.zip"
}

resource "aws_lambda_function" "handler" {
  function_name    = var.name
  role             = aws_iam_role.function.arn
  runtime          = var.runtime
  architectures    = ["arm64"]
  handler          = "index.handler"
  filename         = data.archive_file.bundle.output_path
  source_code_hash = data.archive_file.bundle.output_base64sha256
  memory_size      = 256
  timeout          = local.function_timeout

  environment {
    variables = {
      SLACK_BOT_TOKEN_SECRET_ID = aws_secretsmanager_secret.bot_token.arn
      SLACK_CHANNEL             = var.slack_channel
      STATE_TABLE               = aws_dynamodb_table.state.name
      ECS_SLACK_ENRICH          = var.enrich ? "true" : "false"
      NODE_OPTIONS              = "--enable-source-maps"
    }
  }

  depends_on = [aws_cloudwatch_log_group.function, aws_iam_role_policy.function, aws_iam_role_policy.enrich]
}

# The handler returns the records to retry; without ReportBatchItemFailures Lambda would ignore
# that and retry the whole batch.
resource "aws_lambda_event_source_mapping" "events" {
  event_source_arn                   = aws_sqs_queue.events.arn
  function_name                      = aws_lambda_function.handler.arn
  batch_size                         = 10
  maximum_batching_window_in_seconds = 5
  function_response_types            = ["ReportBatchItemFailures"]

  # Slack takes about one message per second per channel: two pollers are plenty.
  scaling_config {
    maximum_concurrency = 2
  }
}

resource "aws_cloudwatch_event_rule" "ecs" {
  name        = var.name
  description = "Amazon ECS events for ecs-slack"
  event_pattern = jsonencode({
    source        = ["aws.ecs"]
    "detail-type" = local.detail_types
  })
}

resource "aws_cloudwatch_event_target" "queue" {
  rule      = aws_cloudwatch_event_rule.ecs.name
  target_id = "ecs-slack"
  arn       = aws_sqs_queue.events.arn

  dead_letter_config {
    arn = aws_sqs_queue.failed_events.arn
  }
}
