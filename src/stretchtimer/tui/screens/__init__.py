"""The app's screens: picker, session, summary, and the small dialogs between them."""
