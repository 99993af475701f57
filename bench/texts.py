"""What the synthetic young people say in the open questions: a small pool of sentences on a
few themes (staff, food, school, moving, friends), for the free-text themes to find."""

SENTENCES = (
    "The staff were kind and always listened to me when I was upset.",
    "My key worker helped me with my homework most evenings.",
    "The food was good but I wanted more say in the menus.",
    "I did not like the food and the portions were too small.",
    "I wanted to stay longer because I felt settled at school.",
    "Nobody told me about the move until the week before.",
    "The move happened too fast and I was not ready.",
    "I made good friends here and we went to the park together.",
    "I missed my friends from my old school.",
    "The other young people were loud at night and I could not sleep.",
    "Staff changed a lot so I never knew who would be on shift.",
    "I liked the activities at the weekend, especially swimming.",
    "My social worker did not visit enough and did not call back.",
    "I felt safe here and my room was nice.",
    "I would change the rules about bedtimes and phones.",
    "School was hard but the staff came to my parents evening.",
    "I was taken to the dentist and the doctor when I needed.",
    "I want the next home to let me see my family more often.",
    "The manager was fair and sorted things out quickly.",
    "Some staff shouted and that made me feel uncomfortable.",
)
