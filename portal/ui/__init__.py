"""Small shared Streamlit pieces: the app shell, page guards, badges and tables."""
