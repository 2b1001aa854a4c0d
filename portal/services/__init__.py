"""Domain logic. No Streamlit import here: pages call services, services call portal.db."""
