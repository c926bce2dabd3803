/** The pane's one error boundary: an unexpected render error becomes a MessageBar, not a blank pane. */
import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

/** Props of ErrorBoundary. */
export interface ErrorBoundaryProps {
  title: string;
  /** What to do next, shown under the error's message. */
  advice: string;
  children?: React.ReactNode;
}

interface ErrorBoundaryState {
  error: Error | null;
}

/**
 * Catches render errors below it and shows them with advice.
 * @example <ErrorBoundary title="Not done" advice="Reopen the pane."><Tabs /></ErrorBoundary>
 */
export class ErrorBoundary extends React.Component<ErrorBoundaryProps, ErrorBoundaryState> {
  /** Nothing caught yet. */
  state: ErrorBoundaryState = { error: null };

  /**
   * Records the error for the next render.
   * @param error what was thrown
   * @returns the new state
   */
  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  /** @returns the children, or the message bar after an error */
  render(): React.ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{this.props.title}</MessageBarTitle>
          {this.state.error.message}
          <div>{this.props.advice}</div>
        </MessageBarBody>
      </MessageBar>
    );
  }
}
